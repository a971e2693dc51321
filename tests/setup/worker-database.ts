import { randomUUID } from "node:crypto";
import { copyBaseDatabase } from "./database";

// Runs before each test file, before it imports the app's database client.
process.env.DATABASE_URL = copyBaseDatabase(`test-${randomUUID()}`);
