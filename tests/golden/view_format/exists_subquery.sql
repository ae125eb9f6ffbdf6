 SELECT u.id
   FROM users u
  WHERE ((EXISTS ( SELECT 1
           FROM orders o
          WHERE (o.user_id = u.id))) AND (NOT (EXISTS ( SELECT 1
           FROM orders o
          WHERE ((o.user_id = u.id) AND (o.status = 'void'::text))))));