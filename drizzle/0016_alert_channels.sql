CREATE TABLE `alert_channels` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`tenant_id` bigint unsigned,
	`owner` bigint unsigned NOT NULL,
	`name` varchar(63) NOT NULL,
	`kind` enum('webhook','email','feishu','dingtalk','alertmanager') NOT NULL,
	`config` json NOT NULL,
	`secrets` text NOT NULL,
	`send_resolved` boolean NOT NULL,
	`last_delivery_at` timestamp(3),
	`last_error` text,
	`version` int unsigned NOT NULL DEFAULT 1,
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `alert_channels_id` PRIMARY KEY(`id`),
	CONSTRAINT `alert_channels_owner_name_uq` UNIQUE(`owner`,`name`)
);
--> statement-breakpoint
CREATE TABLE `alert_deliveries` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`channel_id` bigint unsigned NOT NULL,
	`payload` json NOT NULL,
	`state` enum('pending','delivered','failed') NOT NULL DEFAULT 'pending',
	`attempts` int unsigned NOT NULL DEFAULT 0,
	`next_attempt_at` timestamp(3) NOT NULL,
	`last_error` text,
	`last_status` int,
	`delivered_at` timestamp(3),
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	`updated_at` timestamp(3) NOT NULL DEFAULT (now()) ON UPDATE CURRENT_TIMESTAMP,
	CONSTRAINT `alert_deliveries_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
CREATE TABLE `notifications` (
	`id` bigint unsigned AUTO_INCREMENT NOT NULL,
	`user_id` bigint unsigned NOT NULL,
	`tenant_id` bigint unsigned NOT NULL,
	`alert_id` bigint unsigned,
	`title` varchar(255) NOT NULL,
	`body` text NOT NULL,
	`severity` enum('info','warning','error','critical') NOT NULL,
	`link` varchar(1024),
	`read_at` timestamp(3),
	`created_at` timestamp(3) NOT NULL DEFAULT (now()),
	CONSTRAINT `notifications_id` PRIMARY KEY(`id`)
);
--> statement-breakpoint
ALTER TABLE `alert_channels` ADD CONSTRAINT `alert_channels_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `alert_deliveries` ADD CONSTRAINT `alert_deliveries_channel_id_alert_channels_id_fk` FOREIGN KEY (`channel_id`) REFERENCES `alert_channels`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `notifications` ADD CONSTRAINT `notifications_user_id_users_id_fk` FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE `notifications` ADD CONSTRAINT `notifications_tenant_id_tenants_id_fk` FOREIGN KEY (`tenant_id`) REFERENCES `tenants`(`id`) ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX `alert_deliveries_due_idx` ON `alert_deliveries` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE INDEX `alert_deliveries_channel_idx` ON `alert_deliveries` (`channel_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_user_idx` ON `notifications` (`user_id`,`id`);--> statement-breakpoint
CREATE INDEX `notifications_user_unread_idx` ON `notifications` (`user_id`,`read_at`);