(
         SELECT users.id
           FROM users
        INTERSECT
         SELECT orders.user_id AS id
           FROM orders
) EXCEPT
 SELECT users.manager_id AS id
   FROM users;