import type { PrismaConfig } from 'prisma'
const config: PrismaConfig = {
  schema: `prisma`,
  datasource: { url: process.env.DATABASE_URL!, shadowDatabaseUrl: process.env['S'] as string },
  tables: { external: ['a', "b",] },
  views: { path: path.join(__dirname, 'v') },
} satisfies PrismaConfig
export default config
