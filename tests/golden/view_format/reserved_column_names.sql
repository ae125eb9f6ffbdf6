 SELECT users.id,
    users.status,
    users.data AS type,
    users.email AS key,
    users.age AS level,
    users.score AS value,
    users.tags AS names
   FROM users;