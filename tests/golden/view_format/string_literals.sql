 SELECT 'it''s'::text AS quoted,
    'tab	here'::text AS esc,
    'back\slash'::text AS bs,
    ('a'::text || 'b'::text) AS concat,
    ''::text AS empty,
    'multi word string'::text AS words
   FROM users;