require('dotenv').config()
/* c */ module.exports = { schema: 's', migrations: { initShadowDb: `CREATE TABLE x();` } };
