import { z } from "zod";
import { emailAddress, singleLine } from "./fields";
import { MIN_PASSWORD_LENGTH } from "./password-rules";

export const password = z
  .string({ required_error: "validation.passwordRequired" })
  .min(1, "validation.passwordRequired")
  .min(MIN_PASSWORD_LENGTH, "validation.passwordTooShort")
  .max(200, "validation.tooLong");

export const signUpSchema = z.object({
  name: singleLine(120, "validation.nameRequired"),
  email: emailAddress,
  password,
});
export type SignUpInput = z.output<typeof signUpSchema>;

export const changePasswordSchema = z.object({
  currentPassword: z.string({ required_error: "validation.passwordRequired" }).min(1, "validation.passwordRequired"),
  newPassword: password,
});

export const signInSchema = z.object({
  email: emailAddress,
  password: z.string({ required_error: "validation.passwordRequired" }).min(1, "validation.passwordRequired"),
});

/** Asking for a password reset: only the address. */
export const passwordResetRequestSchema = z.object({ email: emailAddress });

/** A new password from a reset link. */
export const newPasswordSchema = z.object({ newPassword: password });
