 SELECT u.id,
    o.id AS order_id
   FROM ((users u
     RIGHT JOIN orders o ON ((o.user_id = u.id)))
     FULL JOIN "Products" p ON ((p.id = o.id)));