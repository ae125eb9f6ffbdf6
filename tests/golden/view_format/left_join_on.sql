 SELECT u.id,
    u.email,
    o.amount
   FROM (users u
     LEFT JOIN orders o ON ((o.user_id = u.id)));