 SELECT users.id
   FROM users
UNION ALL
 SELECT orders.id
   FROM orders
UNION ALL
 SELECT "Products".id
   FROM "Products";