# What makes tshsync a service, and the Debian package (scripts/package):
# systemd units (one service + timer per scheduled command, the schedule of
# crontab.example), the OnFailure= hook, the system user (sysusers.d), its
# directories (tmpfiles.d) and logrotate, besides the binary, the man page and
# the examples installed above.
set(TSHSYNC_BINDIR ${CMAKE_INSTALL_FULL_BINDIR})
set(TSHSYNC_LIBEXECDIR ${CMAKE_INSTALL_FULL_LIBEXECDIR}/tshsync)

set(TSHSYNC_TIMERS "")
foreach(unit ${TSHSYNC_SYSTEMD_UNITS})
  get_filename_component(name ${unit} NAME)
  configure_file(${unit} ${CMAKE_CURRENT_BINARY_DIR}/systemd/${name} @ONLY)
  install(FILES ${CMAKE_CURRENT_BINARY_DIR}/systemd/${name} DESTINATION lib/systemd/system)
  if(name MATCHES "\\.timer$")
    string(APPEND TSHSYNC_TIMERS " ${name}")
  endif()
endforeach()
string(STRIP "${TSHSYNC_TIMERS}" TSHSYNC_TIMERS)

install(PROGRAMS packaging/report-failure DESTINATION ${TSHSYNC_LIBEXECDIR})
install(FILES packaging/sysusers.conf DESTINATION lib/sysusers.d RENAME tshsync.conf)
install(FILES packaging/tmpfiles.conf DESTINATION lib/tmpfiles.d RENAME tshsync.conf)
install(FILES packaging/logrotate DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/logrotate.d RENAME tshsync)

# The maintainer scripts: the user and directories at install, the timers enabled.
foreach(script postinst prerm postrm)
  configure_file(packaging/debian/${script}.in ${CMAKE_CURRENT_BINARY_DIR}/debian/${script} @ONLY
                 FILE_PERMISSIONS OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)
endforeach()
file(WRITE ${CMAKE_CURRENT_BINARY_DIR}/debian/conffiles "${CMAKE_INSTALL_FULL_SYSCONFDIR}/logrotate.d/tshsync\n")

set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME tshsync)
set(CPACK_PACKAGE_VENDOR "TSH")
set(CPACK_PACKAGE_CONTACT "TSH operations <ops@tsh.invalid>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "keeps TSH's PostgreSQL ERP in step with Zoho Books / Inventory")
set(CPACK_PACKAGE_DESCRIPTION "One binary run by systemd timers as user tshsync: pulls products, stock and \
prices from Zoho, replays failed webhook events, repairs stuck jobs and checks \
data quality and health. Needs only /etc/tshsync/tshsync.toml.")
set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)
set(CPACK_DEBIAN_PACKAGE_SECTION admin)
# dpkg-shlibdeps names the runtime libraries (libpqxx-6.4, libcurl4, libfmt9, libssl3 ...).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
set(CPACK_DEBIAN_PACKAGE_DEPENDS
    "init-system-helpers, systemd | systemd-standalone-sysusers, systemd | systemd-standalone-tmpfiles")
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "logrotate, postgresql-client")
set(CPACK_DEBIAN_PACKAGE_CONTROL_EXTRA
    ${CMAKE_CURRENT_BINARY_DIR}/debian/postinst ${CMAKE_CURRENT_BINARY_DIR}/debian/prerm
    ${CMAKE_CURRENT_BINARY_DIR}/debian/postrm ${CMAKE_CURRENT_BINARY_DIR}/debian/conffiles)
set(CPACK_DEBIAN_PACKAGE_CONTROL_STRICT_PERMISSION ON)
include(CPack)
