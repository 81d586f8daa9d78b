CREATE TABLE `catalog_model_ratings` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`model_id` bigint unsigned NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`parent_id` bigint unsigned,
	`rating` tinyint unsigned,
	`comment` text NOT NULL,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `catalog_model_ratings_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `catalog_model_tags` (
	`model_id` bigint unsigned NOT NULL,
	`tag` varchar(128) NOT NULL,
	CONSTRAINT `catalog_model_tags_model_id_tag_pk` PRIMARY KEY(`model_id`,`tag`)
);
--> statement-breakpoint
CREATE TABLE `catalog_models` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`source_id` bigint unsigned NOT NULL,
	`name` varchar(255) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`task` varchar(64) NOT NULL DEFAULT '',
	`framework` varchar(64) NOT NULL DEFAULT '',
	`license` varchar(64) NOT NULL DEFAULT '',
	`tags` text NOT NULL,
	`description` varchar(1024) NOT NULL DEFAULT '',
	`card` mediumtext,
	`downloads` bigint unsigned NOT NULL DEFAULT 0,
	`likes` int unsigned NOT NULL DEFAULT 0,
	`rating_sum` int unsigned NOT NULL DEFAULT 0,
	`rating_count` int unsigned NOT NULL DEFAULT 0,
	`rating_score` int unsigned NOT NULL DEFAULT 0,
	`published` boolean NOT NULL DEFAULT true,
	`recommended` boolean NOT NULL DEFAULT false,
	`last_modified` timestamp(3) NOT NULL DEFAULT (now()),
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `catalog_models_id` PRIMARY KEY(`id`),
	CONSTRAINT `catalog_models_name_idx` UNIQUE(`source_id`,`name`)
);
--> statement-breakpoint
CREATE TABLE `model_sources` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`name` varchar(63) CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
	`kind` enum('huggingface','openmmlab','modelx') NOT NULL,
	`enabled` boolean NOT NULL DEFAULT true,
	`url` varchar(2048),
	`images` json NOT NULL,
	`sync_state` enum('idle','running','stopping','stopped','done','failed') NOT NULL DEFAULT 'idle',
	`sync_done` int unsigned NOT NULL DEFAULT 0,
	`sync_total` int unsigned,
	`sync_cursor` varchar(2048),
	`sync_error` varchar(1024),
	`synced_at` timestamp(3),
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `model_sources_id` PRIMARY KEY(`id`),
	CONSTRAINT `model_sources_name_idx` UNIQUE(`name`)
);
--> statement-breakpoint
ALTER TABLE `catalog_model_ratings` ADD CONSTRAINT `catalog_model_ratings_model_id_catalog_models_id_fk` FOREIGN KEY (`model_id`) REFERENCES `catalog_models`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `catalog_model_ratings` ADD CONSTRAINT `catalog_model_ratings_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `catalog_model_tags` ADD CONSTRAINT `catalog_model_tags_model_id_catalog_models_id_fk` FOREIGN KEY (`model_id`) REFERENCES `catalog_models`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `catalog_models` ADD CONSTRAINT `catalog_models_source_id_model_sources_id_fk` FOREIGN KEY (`source_id`) REFERENCES `model_sources`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `catalog_model_ratings_model_idx` ON `catalog_model_ratings` (`model_id`,`parent_id`,`id`);--> statement-breakpoint
CREATE INDEX `catalog_model_tags_tag_idx` ON `catalog_model_tags` (`tag`,`model_id`);--> statement-breakpoint
CREATE INDEX `catalog_models_downloads_idx` ON `catalog_models` (`source_id`,`published`,`downloads`,`id`);--> statement-breakpoint
CREATE INDEX `catalog_models_likes_idx` ON `catalog_models` (`source_id`,`published`,`likes`,`id`);--> statement-breakpoint
CREATE INDEX `catalog_models_recent_idx` ON `catalog_models` (`source_id`,`published`,`last_modified`,`id`);--> statement-breakpoint
CREATE INDEX `catalog_models_rating_idx` ON `catalog_models` (`source_id`,`published`,`rating_score`,`id`);--> statement-breakpoint
CREATE INDEX `catalog_models_task_idx` ON `catalog_models` (`source_id`,`published`,`task`,`downloads`,`id`);