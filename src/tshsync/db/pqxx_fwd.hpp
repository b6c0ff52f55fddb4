#pragma once

// Declarations of the libpqxx 6.4 types our headers only name (references,
// pointers), so a header need not include <pqxx/pqxx> (about 60,000 lines
// preprocessed) and every file that includes it compiles faster. libpqxx 6.4
// has no <pqxx/forward>; these match its headers (connection.hxx,
// basic_connection.hxx, except.hxx, ...). A .cpp that uses the types includes
// <pqxx/pqxx> itself.
namespace pqxx {

class connect_direct;
template <typename CONNECTPOLICY>
class basic_connection_base;
using connection = basic_connection_base<connect_direct>;

class connection_base;
class transaction_base;
class nontransaction;
class result;
class row;
class field;
class sql_error;
class stream_to;

}  // namespace pqxx
