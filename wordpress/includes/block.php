<?php
/**
 * The dynamic block member-map/map ("Mitgliederkarte"): rendered on the server by member_map_render().
 *
 * @package member-map
 */

if ( ! defined( 'ABSPATH' ) ) {
	exit;
}

/** Handle of the block's editor script (plain JavaScript, no build step). */
const MEMBER_MAP_EDITOR_HANDLE = 'member-map-block-editor';

add_action( 'init', 'member_map_register_block' );

/**
 * Registers the editor script and the block from block/block.json.
 */
function member_map_register_block() {
	wp_register_script(
		MEMBER_MAP_EDITOR_HANDLE,
		plugins_url( 'block/editor.js', MEMBER_MAP_FILE ),
		array( 'wp-blocks', 'wp-element', 'wp-block-editor', 'wp-components', 'wp-i18n' ),
		MEMBER_MAP_VERSION,
		true
	);
	wp_set_script_translations( MEMBER_MAP_EDITOR_HANDLE, 'member-map' );
	register_block_type(
		dirname( MEMBER_MAP_FILE ) . '/block',
		array( 'render_callback' => 'member_map_render_block' )
	);
}

/**
 * Server-side render of the block: the block's attributes, its alignment and extra classes.
 *
 * @param array $attributes Block attributes (src, region, near, lang, height, tiles, align, className).
 * @return string
 */
function member_map_render_block( $attributes ) {
	$attributes = is_array( $attributes ) ? $attributes : array();
	$atts       = array_intersect_key( $attributes, member_map_default_atts() );
	$classes    = array( 'wp-block-member-map-map' );
	if ( ! empty( $attributes['align'] ) && is_string( $attributes['align'] ) ) {
		$classes[] = 'align' . $attributes['align'];
	}
	if ( ! empty( $attributes['className'] ) && is_string( $attributes['className'] ) ) {
		$classes[] = $attributes['className'];
	}
	$atts['class'] = implode( ' ', $classes );
	return member_map_render( $atts );
}
