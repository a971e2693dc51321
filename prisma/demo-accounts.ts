/** The demo team's accounts: printed at start-up and written in the README, so a new user can sign in at once. */
export const DEMO_PASSWORD = "rituals-demo";
export const DEMO_OWNER_EMAIL = "lena@northwind.example";
export const DEMO_MEMBER_EMAIL = "jiwoo@northwind.example";
