 SELECT users.id,
    '-- not a comment'::text AS dashes,
    '# not a comment either'::text AS hash,
    '/* nor this */'::text AS block,
    'semi;colon'::text AS semi
   FROM users;