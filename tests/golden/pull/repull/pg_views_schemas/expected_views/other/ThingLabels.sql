SELECT
  "Thing".label,
  "Thing".id
FROM
  other."Thing"
WHERE
  ("Thing".id > 0);