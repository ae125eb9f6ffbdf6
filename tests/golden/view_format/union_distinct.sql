 SELECT users.email AS v
   FROM users
UNION
 SELECT orders.note AS v
   FROM orders;