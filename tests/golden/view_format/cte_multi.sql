 WITH a AS (
         SELECT users.id
           FROM users
        ), b AS (
         SELECT orders.user_id
           FROM orders
        )
 SELECT a.id
   FROM (a
     JOIN b ON ((b.user_id = a.id)));