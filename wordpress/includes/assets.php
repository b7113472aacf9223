<?php
/**
 * The element's script and stylesheet: from this plugin's folder, only on pages with a map.
 *
 * member-map.iife.js finds its data files (member-map-basemap.json, member-map-places.json) next to
 * its own URL, and they are in this folder beside it.
 *
 * @package member-map
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Handle of the classic script member-map.iife.js and of the stylesheet member-map.css. */
const MEMBER_MAP_HANDLE = 'member-map';

add_action( 'init', 'member_map_register_assets' );
add_action( 'wp_enqueue_scripts', 'member_map_enqueue_for_posts' );
add_filter( 'script_loader_tag', 'member_map_defer_script', 10, 2 );
add_filter( 'the_content', 'member_map_enqueue_for_tag', 20 );
add_filter( 'widget_text_content', 'member_map_enqueue_for_tag', 20 );
add_filter( 'widget_block_content', 'member_map_enqueue_for_tag', 20 );

/**
 * Registers the script (in the footer) and the stylesheet.
 */
function member_map_register_assets() {
	if ( ! wp_style_is( MEMBER_MAP_HANDLE, 'registered' ) ) {
		wp_register_style( MEMBER_MAP_HANDLE, plugins_url( 'member-map.css', MEMBER_MAP_FILE ), array(), MEMBER_MAP_VERSION );
	}
	if ( ! wp_script_is( MEMBER_MAP_HANDLE, 'registered' ) ) {
		wp_register_script( MEMBER_MAP_HANDLE, plugins_url( 'member-map.iife.js', MEMBER_MAP_FILE ), array(), MEMBER_MAP_VERSION, true );
	}
}

/**
 * Enqueues the script and the stylesheet (WordPress prints each once, however many maps).
 *
 * Called while the page's posts are known (wp_enqueue_scripts: the stylesheet lands in the head and
 * reserves the map's height), and again by every rendered map or tag, for maps in widgets or
 * templates (printed in the footer then).
 */
function member_map_enqueue_assets() {
	member_map_register_assets();
	wp_enqueue_style( MEMBER_MAP_HANDLE );
	wp_enqueue_script( MEMBER_MAP_HANDLE );
}

/**
 * Whether content holds a map: the shortcode, the block or the bare tag.
 *
 * @param mixed $content Post content.
 * @return bool
 */
function member_map_content_has_map( $content ) {
	if ( ! is_string( $content ) || '' === $content ) {
		return false;
	}
	return false !== stripos( $content, '<member-map' )
		|| has_shortcode( $content, 'member-map' )
		|| has_block( 'member-map/map', $content );
}

/**
 * On wp_enqueue_scripts: enqueues the assets if one of the queried posts has a map.
 */
function member_map_enqueue_for_posts() {
	global $wp_query;
	if ( ! ( $wp_query instanceof WP_Query ) || empty( $wp_query->posts ) ) {
		return;
	}
	foreach ( $wp_query->posts as $post ) {
		if ( $post instanceof WP_Post && member_map_content_needs_assets( $post->post_content ) ) {
			member_map_enqueue_assets();
			return;
		}
	}
}

/**
 * Whether content needs our script: the shortcode or the block, or the bare tag in content that does
 * not load member-map.iife.js itself (a Custom HTML block with the whole snippet from the README).
 *
 * @param mixed $content Post content.
 * @return bool
 */
function member_map_content_needs_assets( $content ) {
	if ( ! member_map_content_has_map( $content ) ) {
		return false;
	}
	if ( has_shortcode( $content, 'member-map' ) || has_block( 'member-map/map', $content ) ) {
		return true;
	}
	return ! member_map_content_loads_script( $content );
}

/**
 * Whether content has its own `<script src="…/member-map.iife.js">`.
 *
 * @param string $content Content.
 * @return bool
 */
function member_map_content_loads_script( $content ) {
	return 1 === preg_match( '/<script\b[^>]*\ssrc\s*=\s*["\']?[^"\'\s>]*member-map\.iife\.js/i', $content );
}

/**
 * Content filter: enqueues the assets for a bare `<member-map>` tag (Custom HTML block, widget),
 * unless the content loads the script itself. The content is returned unchanged.
 *
 * @param string $content Content.
 * @return string
 */
function member_map_enqueue_for_tag( $content ) {
	if ( is_string( $content ) && false !== stripos( $content, '<member-map' ) && ! member_map_content_loads_script( $content ) ) {
		member_map_enqueue_assets();
	}
	return $content;
}

/**
 * Adds `defer` to our script tag (WordPress 6.1 has no loading strategy for scripts).
 *
 * @param string $tag    The script tag(s).
 * @param string $handle The script's handle.
 * @return string
 */
function member_map_defer_script( $tag, $handle ) {
	if ( MEMBER_MAP_HANDLE !== $handle || preg_match( '/<script\b[^>]*\sdefer\b/i', $tag ) ) {
		return $tag;
	}
	return preg_replace( '/<script\b(?=[^>]*\ssrc=)/i', '<script defer', $tag, 1 );
}
