SELECT
  "User".name,
  upper("User".name) AS "Upper Name"
FROM
  "User"
WHERE
  ("User".id > 1);