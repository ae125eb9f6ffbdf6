SELECT
  id,
  name,
  email,
  score,
  created
FROM
  "User";