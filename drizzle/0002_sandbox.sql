CREATE TABLE `sandbox_objects` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`api_group` varchar(128) NOT NULL,
	`resource` varchar(128) NOT NULL,
	`namespace` varchar(63) NOT NULL,
	`name` varchar(253) NOT NULL,
	`uid` char(36) NOT NULL,
	`resource_version` bigint unsigned NOT NULL,
	`object` json NOT NULL,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `sandbox_objects_id` PRIMARY KEY(`id`),
	CONSTRAINT `sandbox_objects_key_uq` UNIQUE(`api_group`,`resource`,`namespace`,`name`),
	CONSTRAINT `sandbox_objects_uid_uq` UNIQUE(`uid`)
);
--> statement-breakpoint
CREATE TABLE `sandbox_state` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`resource_version` bigint unsigned NOT NULL DEFAULT 0,
	`compacted_version` bigint unsigned NOT NULL DEFAULT 0,
	CONSTRAINT `sandbox_state_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `sandbox_tokens` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(128) NOT NULL,
	`token_hash` char(64) NOT NULL,
	`expires_at` timestamp(3),
	`revoked_at` timestamp(3),
	`last_used_at` timestamp(3),
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `sandbox_tokens_id` PRIMARY KEY(`id`),
	CONSTRAINT `sandbox_tokens_hash_uq` UNIQUE(`token_hash`)
);
--> statement-breakpoint
CREATE TABLE `sandbox_watch_events` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`resource_version` bigint unsigned NOT NULL,
	`type` enum('ADDED','MODIFIED','DELETED') NOT NULL,
	`api_group` varchar(128) NOT NULL,
	`resource` varchar(128) NOT NULL,
	`namespace` varchar(63) NOT NULL,
	`name` varchar(253) NOT NULL,
	`object` json NOT NULL,
	`previous` json,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	CONSTRAINT `sandbox_watch_events_id` PRIMARY KEY(`id`),
	CONSTRAINT `sandbox_watch_events_rv_uq` UNIQUE(`resource_version`)
);
--> statement-breakpoint
CREATE INDEX `sandbox_objects_ns_idx` ON `sandbox_objects` (`namespace`);--> statement-breakpoint
CREATE INDEX `sandbox_watch_events_kind_rv_idx` ON `sandbox_watch_events` (`api_group`,`resource`,`resource_version`);