 SELECT u.id,
    u.email,
    u."Display Name",
    u.created_at,
    u.status,
    u.age,
    u.score,
    u.tags,
    u.data,
    u.manager_id,
    o.id AS order_id,
    o.amount,
    o.created_at AS ordered_at,
    o.note,
    o.status AS order_status,
    o.items
   FROM (users u
     JOIN orders o ON ((o.user_id = u.id)));