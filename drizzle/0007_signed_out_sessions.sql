CREATE TABLE `signed_out_sessions` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`auth_at` bigint unsigned NOT NULL,
	`expires_at` timestamp(3) NOT NULL,
	CONSTRAINT `signed_out_sessions_id` PRIMARY KEY(`id`),
	CONSTRAINT `signed_out_sessions_uq` UNIQUE(`user_id`,`auth_at`)
);
--> statement-breakpoint
ALTER TABLE `signed_out_sessions` ADD CONSTRAINT `signed_out_sessions_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;