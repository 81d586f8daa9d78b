ALTER TABLE `sandbox_tokens` ADD `user_id` bigint unsigned;--> statement-breakpoint
ALTER TABLE `sandbox_tokens` ADD CONSTRAINT `sandbox_tokens_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `sandbox_tokens_user_idx` ON `sandbox_tokens` (`user_id`);--> statement-breakpoint
-- Kubeconfigs downloaded before tokens had an owner cannot die with their user: revoke them.
UPDATE `sandbox_tokens` SET `revoked_at` = CURRENT_TIMESTAMP(3) WHERE `user_id` IS NULL AND `name` LIKE 'kubeconfig for %' AND `revoked_at` IS NULL;
