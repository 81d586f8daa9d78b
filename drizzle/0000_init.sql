CREATE TABLE `users` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`username` varchar(64) NOT NULL,
	`display_name` varchar(128) NOT NULL DEFAULT '',
	`email` varchar(255),
	`password_hash` varchar(255),
	`system_role` enum('sysadmin','normal') NOT NULL DEFAULT 'normal',
	`disabled` boolean NOT NULL DEFAULT false,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `users_id` PRIMARY KEY(`id`),
	CONSTRAINT `users_username_uq` UNIQUE(`username`)
);
--> statement-breakpoint
CREATE TABLE `api_tokens` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`kind` enum('login','personal') NOT NULL,
	`name` varchar(128) NOT NULL,
	`token_hash` char(64) NOT NULL,
	`scope` enum('read-write','read-only') NOT NULL DEFAULT 'read-write',
	`expires_at` timestamp(3) NOT NULL,
	`last_used_at` timestamp(3),
	`revoked_at` timestamp(3),
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `api_tokens_id` PRIMARY KEY(`id`),
	CONSTRAINT `api_tokens_hash_uq` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `tenants` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(63) NOT NULL,
	`description` varchar(512) NOT NULL DEFAULT '',
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `tenants_id` PRIMARY KEY(`id`),
	CONSTRAINT `tenants_name_uq` UNIQUE(`name`)
);
--> statement-breakpoint
CREATE TABLE `audit_logs` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`at` timestamp(3) NOT NULL DEFAULT (now()),
	`actor` varchar(64) NOT NULL,
	`action` varchar(64) NOT NULL,
	`tenant_id` bigint unsigned,
	`target` varchar(512) NOT NULL,
	`diff` json,
	`result` enum('success','failure') NOT NULL DEFAULT 'success',
	`client_address` varchar(64),
	`request_id` varchar(64),
	`trace_id` varchar(32),
	CONSTRAINT `audit_logs_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `api_tokens` ADD CONSTRAINT `api_tokens_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `api_tokens_user_idx` ON `api_tokens` (`user_id`,`kind`);--> statement-breakpoint
CREATE INDEX `audit_logs_at_idx` ON `audit_logs` (`at`);--> statement-breakpoint
CREATE INDEX `audit_logs_tenant_at_idx` ON `audit_logs` (`tenant_id`,`at`);--> statement-breakpoint
CREATE INDEX `audit_logs_actor_at_idx` ON `audit_logs` (`actor`,`at`);