SELECT
  "User".id
FROM
  "User";