import { configure } from '@testing-library/preact'

/**
 * `findBy…` and `waitFor` give up after 1 s by default. The dashboard and widget tests talk to a
 * real server process, and on a loaded 2-core CI machine an answer can take longer than that;
 * a wait still ends the moment its condition holds, so a longer limit only slows a failure.
 */
configure({ asyncUtilTimeout: 5_000 })
