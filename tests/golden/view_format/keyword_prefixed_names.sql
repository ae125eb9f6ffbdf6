 SELECT users.id AS order_id,
    users.email AS from_address,
    users.status AS selected,
    users.age AS andy,
    users.score AS oracle,
    users.tags AS ending,
    users.data AS casey
   FROM users;