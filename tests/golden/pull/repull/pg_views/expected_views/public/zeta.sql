SELECT
  1 AS one,
  NOW() AS t,
  ARRAY [1, 2] AS arr,
  '{}' :: jsonb AS j,
  NULL :: point AS p,
  'x' :: character varying(3) AS v,
  (2.5) :: double precision AS f,
  TRUE AS b,
  NULL :: bytea AS bin;