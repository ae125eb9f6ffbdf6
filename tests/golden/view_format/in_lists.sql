 SELECT users.id
   FROM users
  WHERE ((users.status = ANY (ARRAY['a'::text, 'b'::text, 'c'::text])) AND (users.id <> ALL (ARRAY[1, 2, 3])) AND (users.age IN ( SELECT order_lines.quantity
           FROM order_lines)));