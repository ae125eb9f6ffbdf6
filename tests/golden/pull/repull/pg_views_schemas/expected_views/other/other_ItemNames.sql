SELECT
  "Thing".label AS name
FROM
  other."Thing";