 SELECT u.id
   FROM (users u
     JOIN orders o ON (((o.user_id = u.id) OR (o.id = u.id))))
  WHERE (u.id IN ( SELECT orders.user_id
           FROM orders
          WHERE ((orders.amount > (5)::numeric) OR (orders.status = 'x'::text))))
  ORDER BY u.id
 LIMIT 100;