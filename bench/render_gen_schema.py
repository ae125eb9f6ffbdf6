#!/usr/bin/env python3
"""Writes a large, valid Prisma schema for the rendering benchmarks (deterministic).

    bench/render_gen_schema.py [MODELS] [PROVIDER] > schema.prisma     (default 500 postgresql)

Each model has ~12 columns of mixed types and defaults, a unique and an index; model i has an
optional one-to-many relation to model i-1; every 10th model also has an implicit
many-to-many relation to model i-5; 10 enums are shared.
"""
import sys


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 500
    provider = sys.argv[2] if len(sys.argv) > 2 else "postgresql"
    pg = provider == "postgresql"
    out = ["datasource db {", f'  provider = "{provider}"', "}", ""]
    for e in range(10):
        out += [f"enum Status{e} {{", "  ACTIVE", "  PAUSED", "  ARCHIVED", "}", ""]

    children = {i: [] for i in range(n)}  # back-relation fields to add to model i
    for i in range(1, n):
        children[i - 1].append(f"  children{i} Model{i}[]")
        if i % 10 == 0 and i >= 5:
            children[i - 5].append(f"  peers{i} Model{i}[] @relation(\"Peers{i}\")")

    for i in range(n):
        m = [f"model Model{i} {{"]
        if i % 2 == 0:
            m.append("  id        Int      @id @default(autoincrement())")
        else:
            m.append("  id        Int      @id")
        m += [
            "  name      String" + ("   @db.VarChar(200)" if pg else ""),
            "  email     String   @unique",
            "  createdAt DateTime @default(now()) @map(\"created_at\")",
            "  updatedAt DateTime @updatedAt @map(\"updated_at\")",
            f"  status    Status{i % 10} @default(ACTIVE)",
            "  score     Float?   @default(1.5)",
            "  data      Json?",
            "  amount    Decimal  @default(0)" + (" @db.Decimal(10, 2)" if pg else ""),
            "  active    Boolean  @default(true)",
            "  token     String   @default(cuid())",
            "  big       BigInt?",
        ]
        if i > 0:
            m += [
                "  parentId  Int?",
                f"  parent    Model{i - 1}? @relation(fields: [parentId], references: [id], "
                "onDelete: Cascade)",
            ]
        if i % 10 == 0 and i >= 5:
            m.append(f"  peerOf{i}  Model{i - 5}[] @relation(\"Peers{i}\")")
        m += children[i]
        m += [
            "",
            "  @@unique([name, createdAt])",
            "  @@index([createdAt(sort: Desc)])",
            f"  @@map(\"model_{i}\")",
            "}",
            "",
        ]
        out += m
    sys.stdout.write("\n".join(out))


if __name__ == "__main__":
    main()
