 SELECT (orders.id)::text AS id_text,
    (orders.amount)::integer AS amount_int,
    (orders.created_at)::date AS day,
    (orders.note)::character varying(20) AS short_note,
    '2024-01-01 00:00:00'::timestamp without time zone AS ts
   FROM orders;