CREATE TABLE `auth_sources` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(63) NOT NULL,
	`kind` enum('ldap','oidc') NOT NULL,
	`display_name` varchar(128) NOT NULL,
	`enabled` boolean NOT NULL DEFAULT true,
	`config` json NOT NULL,
	`secret` text,
	`version` int unsigned NOT NULL DEFAULT 1,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `auth_sources_id` PRIMARY KEY(`id`),
	CONSTRAINT `auth_sources_name_uq` UNIQUE(`name`)
);
--> statement-breakpoint
ALTER TABLE `users` ADD `auth_source` varchar(63);--> statement-breakpoint
ALTER TABLE `users` ADD `external_id` varchar(512);--> statement-breakpoint
ALTER TABLE `users` ADD `sessions_valid_after` timestamp(3);