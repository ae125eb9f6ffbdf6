 SELECT u.id,
    p.id AS product_id
   FROM (users u
     CROSS JOIN "Products" p);