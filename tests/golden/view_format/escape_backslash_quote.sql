 SELECT 'quote''s'::text AS q,
    'line
break'::text AS nl,
    'end\'::text AS "trailing"
   FROM users;