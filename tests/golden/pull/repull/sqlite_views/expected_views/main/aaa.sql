SELECT
  1 AS one,
  'x' AS two,
  3.5 AS three;