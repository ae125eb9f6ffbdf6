 SELECT users.id,
    'héllo wörld'::text AS greeting,
    concat(users.email, ' — ', 'ünïcødé ✓') AS decorated,
    (users.email = 'café'::text) AS is_cafe
   FROM users;