 SELECT u.id,
        CASE
            WHEN (EXISTS ( SELECT 1
               FROM orders o
              WHERE ((o.user_id = u.id) AND (o.amount > (100)::numeric)))) THEN 'big spender'::text
            ELSE 'regular'::text
        END AS kind
   FROM users u;