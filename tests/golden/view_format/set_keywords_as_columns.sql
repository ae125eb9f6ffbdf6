 SELECT users.id AS "limit",
    users.status AS "from",
    users.age AS "order",
    users.email AS "select"
   FROM users;