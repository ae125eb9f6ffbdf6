SELECT
  name,
  upper(name) AS "Upper Name"
FROM
  "User"
WHERE
  id > 1;