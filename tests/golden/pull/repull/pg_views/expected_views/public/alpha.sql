SELECT
  "User".tags
FROM
  "User";