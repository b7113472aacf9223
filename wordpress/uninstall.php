<?php
/**
 * Deleting the plugin deletes its options (on every site of a network). Uploaded member files stay
 * in the Media Library.
 *
 * @package member-map
 */

if ( ! defined( 'WP_UNINSTALL_PLUGIN' ) ) {
	exit;
}

/**
 * Deletes the plugin's options on the current site.
 */
function member_map_delete_options() {
	foreach ( array( 'member_map_data_url', 'member_map_contact_email', 'member_map_tiles' ) as $option ) {
		delete_option( $option );
	}
}

if ( is_multisite() ) {
	foreach ( get_sites( array( 'fields' => 'ids', 'number' => 0 ) ) as $member_map_site ) {
		switch_to_blog( $member_map_site );
		member_map_delete_options();
		restore_current_blog();
	}
} else {
	member_map_delete_options();
}
