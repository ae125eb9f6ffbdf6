 SELECT count(*) AS n,
    count(1) AS m,
    max(users.created_at) AS latest,
    min(users.age) AS youngest
   FROM users;