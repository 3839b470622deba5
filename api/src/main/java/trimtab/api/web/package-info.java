/**
 * What every HTTP endpoint shares: errors as problem details naming the offending field, and the exceptions
 * services throw to refuse a request with the right status (400 unreadable, 404 unknown, 409 conflicting,
 * 422 unacceptable).
 */
package trimtab.api.web;
