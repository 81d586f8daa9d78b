CREATE TABLE `cache_epochs` (
	`name` varchar(32) NOT NULL,
	`value` bigint unsigned NOT NULL DEFAULT 0,
	CONSTRAINT `cache_epochs_name` PRIMARY KEY(`name`)
);
--> statement-breakpoint
INSERT INTO `cache_epochs` (`name`, `value`) VALUES ('auth', 0), ('tenancy', 0), ('environments', 0);
--> statement-breakpoint
CREATE TRIGGER `users_au_epoch` AFTER UPDATE ON `users` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'auth' AND (NOT (NEW.`username` <=> OLD.`username` AND NEW.`display_name` <=> OLD.`display_name` AND NEW.`system_role` <=> OLD.`system_role` AND NEW.`disabled` <=> OLD.`disabled` AND NEW.`sessions_valid_after` <=> OLD.`sessions_valid_after` AND NEW.`password_hash` <=> OLD.`password_hash`));
--> statement-breakpoint
CREATE TRIGGER `users_ad_epoch` AFTER DELETE ON `users` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'auth';
--> statement-breakpoint
CREATE TRIGGER `api_tokens_au_epoch` AFTER UPDATE ON `api_tokens` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'auth' AND (NOT (NEW.`user_id` <=> OLD.`user_id` AND NEW.`token_hash` <=> OLD.`token_hash` AND NEW.`scope` <=> OLD.`scope` AND NEW.`expires_at` <=> OLD.`expires_at` AND NEW.`revoked_at` <=> OLD.`revoked_at`));
--> statement-breakpoint
CREATE TRIGGER `api_tokens_ad_epoch` AFTER DELETE ON `api_tokens` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'auth';
--> statement-breakpoint
CREATE TRIGGER `signed_out_sessions_ai_epoch` AFTER INSERT ON `signed_out_sessions` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'auth';
--> statement-breakpoint
CREATE TRIGGER `signed_out_sessions_au_epoch` AFTER UPDATE ON `signed_out_sessions` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'auth';
--> statement-breakpoint
CREATE TRIGGER `tenants_ai_epoch` AFTER INSERT ON `tenants` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `tenants_au_epoch` AFTER UPDATE ON `tenants` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `tenants_ad_epoch` AFTER DELETE ON `tenants` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `projects_ai_epoch` AFTER INSERT ON `projects` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `projects_au_epoch` AFTER UPDATE ON `projects` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `projects_ad_epoch` AFTER DELETE ON `projects` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `tenant_members_ai_epoch` AFTER INSERT ON `tenant_members` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `tenant_members_au_epoch` AFTER UPDATE ON `tenant_members` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `tenant_members_ad_epoch` AFTER DELETE ON `tenant_members` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `project_members_ai_epoch` AFTER INSERT ON `project_members` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `project_members_au_epoch` AFTER UPDATE ON `project_members` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `project_members_ad_epoch` AFTER DELETE ON `project_members` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `environment_members_ai_epoch` AFTER INSERT ON `environment_members` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `environment_members_au_epoch` AFTER UPDATE ON `environment_members` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `environment_members_ad_epoch` AFTER DELETE ON `environment_members` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `environments_ai_epoch` AFTER INSERT ON `environments` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `environments_ad_epoch` AFTER DELETE ON `environments` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'tenancy';
--> statement-breakpoint
CREATE TRIGGER `environments_au_epoch` AFTER UPDATE ON `environments` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'environments' OR (`name` = 'tenancy' AND NOT (NEW.`name` <=> OLD.`name` AND NEW.`type` <=> OLD.`type` AND NEW.`project_id` <=> OLD.`project_id` AND NEW.`tenant_id` <=> OLD.`tenant_id`));
--> statement-breakpoint
CREATE TRIGGER `clusters_au_epoch` AFTER UPDATE ON `clusters` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'environments' AND (NOT (NEW.`name` <=> OLD.`name`));
--> statement-breakpoint
CREATE TRIGGER `clusters_ad_epoch` AFTER DELETE ON `clusters` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'environments';
--> statement-breakpoint
CREATE TRIGGER `applications_ai_epoch` AFTER INSERT ON `applications` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'environments';
--> statement-breakpoint
CREATE TRIGGER `applications_ad_epoch` AFTER DELETE ON `applications` FOR EACH ROW UPDATE `cache_epochs` SET `value` = `value` + 1 WHERE `name` = 'environments';
