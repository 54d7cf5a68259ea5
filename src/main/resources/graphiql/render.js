// Parley's start-up script for GraphiQL, served in place of SmallRye UI's render.js (engine.GraphiQLExamples).
// It opens on the README's example queries, one tab each (the server fills them in at start); a link carrying
// query, variables and operationName parameters opens that query instead, and the address follows the editor so
// that a query can be shared by its URL.
(function () {
    'use strict';
    var examples = PARLEY_EXAMPLES;
    var endpoint = PARLEY_ENDPOINT;
    var params = new URLSearchParams(window.location.search);

    function followInAddress(name) {
        return function (value) {
            var next = new URLSearchParams(window.location.search);
            if (value) {
                next.set(name, value);
            } else {
                next.delete(name);
            }
            history.replaceState(null, '', '?' + next.toString());
        };
    }

    ReactDOM.render(React.createElement(GraphiQL, {
        fetcher: GraphiQL.createFetcher({ url: window.location.origin + endpoint }),
        query: params.get('query') || undefined,
        variables: params.get('variables') || undefined,
        operationName: params.get('operationName') || undefined,
        defaultQuery: examples[0],
        defaultTabs: examples.map(function (query) { return { query: query }; }),
        onEditQuery: followInAddress('query'),
        onEditVariables: followInAddress('variables'),
        onEditOperationName: followInAddress('operationName'),
        defaultEditorToolsVisibility: true,
        shouldPersistHeaders: false
    }), document.getElementById('graphiql'));
})();
