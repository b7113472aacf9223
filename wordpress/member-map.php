<?php
/**
 * Plugin Name:       Mitgliederkarte (member-map)
 * Description:       Zeigt die Mitglieder des Netzwerks Bürgerbeteiligung auf einer interaktiven Karte: Shortcode [member-map], Block „Mitgliederkarte“ oder das Tag im HTML-Block. Ohne Anfrage an fremde Server, bis Besucher der Detailkarte zustimmen.
 * Version:           {{VERSION}}
 * Requires at least: 6.1
 * Requires PHP:      7.4
 * License:           MIT
 * License URI:       https://opensource.org/licenses/MIT
 * Text Domain:       member-map
 *
 * @package member-map
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** The plugin's version (package.json's, written in by `npm run build`); also the assets' `ver`. */
define( 'MEMBER_MAP_VERSION', '{{VERSION}}' );

/** This file: plugins_url() finds the script and its data files next to it. */
define( 'MEMBER_MAP_FILE', __FILE__ );

require_once __DIR__ . '/includes/options.php';
require_once __DIR__ . '/includes/render.php';
require_once __DIR__ . '/includes/assets.php';
require_once __DIR__ . '/includes/shortcode.php';
require_once __DIR__ . '/includes/block.php';
require_once __DIR__ . '/includes/kses.php';
require_once __DIR__ . '/includes/uploads.php';
require_once __DIR__ . '/includes/settings.php';
